// Smart Lists admin, E-mail screen: follows a running newsletter job by polling its JSON status
// once a second (progress bar, figures, state), and reloads the page when the job ends so that
// the download link or the failure shows. Without this script, refreshing the page does the same.
(function () {
  'use strict';
  var job = document.getElementById('nl-job');
  if (!job || job.getAttribute('data-ended') === 'true') { return; }
  var url = job.getAttribute('data-status-url');
  var bar = document.getElementById('nl-progress');
  var percent = document.getElementById('nl-percent');
  var summary = document.getElementById('nl-summary');
  var state = document.getElementById('nl-state');
  var failures = 0;

  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) { throw new Error('status ' + r.status); }
        return r.json();
      })
      .then(function (s) {
        failures = 0;
        bar.value = s.percent;
        bar.textContent = s.percent + ' %';
        percent.textContent = s.percent + ' %';
        summary.textContent = s.summary;
        state.textContent = s.stateLabel;
        if (s.ended) {
          window.location.reload();
        } else {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        // a signed-out session or a restarted node: stop after a few tries, the page still works
        failures++;
        if (failures < 5) { setTimeout(poll, 2000); }
      });
  }
  setTimeout(poll, 1000);
}());
