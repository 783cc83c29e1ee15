'use strict';
// 375 px wide (a small phone): also checks that no page scrolls sideways.
require('./lib/flow').definePass(
  { width: 375, height: 812 },
  { coordinator: 'koordination1@demo.example', wrongPasswordUser: 'beratung1@demo.example' },
);
