'use strict';
// Offers, catalogue and cohorts at 1280 px wide (a laptop).
require('./lib/offers-flow').defineOffersPass(
  { width: 1280, height: 800 },
  {
    coordinator: 'koordination1@demo.example',
    trainer: 'lehrkraft1@demo.example',
    trainerName: 'Dr. Maria Kowalski',
    counsellor: 'beratung1@demo.example',
  },
);
