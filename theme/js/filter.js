// Filter cards by branch and group. Without JavaScript the filters stay hidden and every card
// stays visible. Words come from the page (data-shown), never from this file.
(function () {
  document.querySelectorAll('.filters').forEach(function (box) {
    var selects = box.querySelectorAll('select[data-filter]');
    var cards = document.querySelectorAll('.card[data-branch]');
    var sections = document.querySelectorAll('[data-branch-section]');
    var count = box.querySelector('.filter-count');
    var group = box.querySelector('select[data-filter="group"]');
    var branch = box.querySelector('select[data-filter="branch"]');

    function apply() {
      // a group belongs to one branch: offer only the chosen branch's groups
      if (group && branch) {
        Array.prototype.forEach.call(group.options, function (o) {
          // hidden for most browsers, disabled for iOS, whose picker shows hidden options
          o.hidden = o.disabled = !!(o.value && branch.value && o.dataset.branch !== branch.value);
        });
        group.querySelectorAll('optgroup').forEach(function (g) {
          g.hidden = g.disabled = !!(branch.value && g.dataset.branch !== branch.value);
        });
        if (group.selectedOptions[0] && group.selectedOptions[0].hidden) group.value = '';
      }
      var want = {};
      selects.forEach(function (s) { want[s.dataset.filter] = s.value; });
      var shown = 0, former = 0;
      cards.forEach(function (card) {
        var ok = Object.keys(want).every(function (k) { return !want[k] || card.dataset[k] === want[k]; });
        card.hidden = !ok;
        if (ok) shown++;
        if (ok && card.classList.contains('is-former')) former++;
      });
      sections.forEach(function (section) {
        section.hidden = !section.querySelector('.card[data-branch]:not([hidden])');
        // a heading's count is its whole branch's: under a group's filter the count below says it
        var total = section.querySelector('h2 .count');
        if (total) total.hidden = !!want.group;
      });
      // the roster shows those who left too, which the home page's count leaves out: said (audit AS-X L4)
      var words = former && box.dataset.shownFormer ? box.dataset.shownFormer : box.dataset.shown;
      if (count) count.textContent = words.replace('{n}', shown).replace('{m}', former);
      // the links to each branch only while every branch is shown
      document.querySelectorAll('.branch-jump').forEach(function (jump) {
        jump.hidden = Object.keys(want).some(function (k) { return want[k]; });
      });
    }
    selects.forEach(function (s) { s.addEventListener('change', apply); });
    box.hidden = false;
    apply();
    // Back to this page: a browser restores the choices after this script ran (unless it kept
    // the page whole), so the cards are chosen again once it has
    window.addEventListener('pageshow', apply);
  });
})();
