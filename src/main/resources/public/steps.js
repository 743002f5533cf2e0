// The list of steps is open, so that it is there without JavaScript; on a small screen it folds up, to leave the
// screen to the questions. It opens with a tap on "Stappen van de quickscan".
(function () {
  'use strict';
  var steps = document.querySelector('details[data-steps]');
  if (steps && window.matchMedia('(max-width: 60rem)').matches) {
    steps.open = false;
  }
})();
