'use strict';
// 1280 px wide (a laptop).
require('./lib/flow').definePass(
  { width: 1280, height: 800 },
  { coordinator: 'koordination2@demo.example', wrongPasswordUser: 'beratung2@demo.example' },
);
