// Filter cards by branch and group; without JavaScript every card simply stays visible.
(function () {
  document.querySelectorAll('.filters').forEach(function (box) {
    var selects = box.querySelectorAll('select[data-filter]');
    var cards = document.querySelectorAll('[data-branch]:not(option)');
    var sections = document.querySelectorAll('[data-branch-section]');
    function apply() {
      var want = {};
      selects.forEach(function (s) { want[s.dataset.filter] = s.value; });
      cards.forEach(function (card) {
        var ok = Object.keys(want).every(function (k) { return !want[k] || card.dataset[k] === want[k]; });
        card.hidden = !ok;
      });
      sections.forEach(function (section) {
        section.hidden = !section.querySelector('[data-branch]:not([hidden])');
      });
    }
    selects.forEach(function (s) { s.addEventListener('change', apply); });
    box.hidden = false;
  });
})();
