// The shop's own script. It adds a session-recording tag at load, without waiting for consent
// (the leak): the tag's host is in no service's `hosts`, so the SDK's auto-blocking cannot know
// it is a tracker.
(function () {
  var tag = document.createElement('script');
  tag.src = 'http://rec.example.test/examples/leaky/trackers/recorder.js';
  document.head.appendChild(tag);
})();
