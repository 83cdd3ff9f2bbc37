// The video stand-in reports a view, as a real third-party player would.
fetch('/collect?source=video&en=video_embed_view&dl=' + encodeURIComponent(location.href), { method: 'POST', keepalive: true }).catch(function () {});
