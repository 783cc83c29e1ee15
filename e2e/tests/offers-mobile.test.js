'use strict';
// Offers, catalogue and cohorts at 375 px wide (a small phone): no page may scroll sideways.
require('./lib/offers-flow').defineOffersPass(
  { width: 375, height: 812 },
  {
    coordinator: 'koordination1@demo.example',
    trainer: 'lehrkraft1@demo.example',
    trainerName: 'Dr. Maria Kowalski',
    counsellor: 'beratung1@demo.example',
  },
);
