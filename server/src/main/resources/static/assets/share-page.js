// The persona page (/share/{token}) and its embed (/frame/{token}): pressing Start counts one use and hands it on.
// A file of its own, so that the page's CSP allows scripts from this server (and the Anam SDK's origin) only.
(function () {
  'use strict';
  var page = document.getElementById('persona');
  var button = document.getElementById('start');
  var status = document.getElementById('status');
  var uses = document.getElementById('uses');
  var video = document.getElementById('persona-video');
  var token = page.dataset.token;
  var framed = page.dataset.framed === 'true';
  var sdkUrl = page.dataset.sdkUrl || null;
  var allowedOrigins = JSON.parse(page.dataset.allowedOrigins || '[]');
  var starting = false;

  // The page that embeds this frame, as the browser says it; with one allowed origin and no such word, that one.
  function embedder() {
    if (!framed) {
      return null;
    }
    if (window.location.ancestorOrigins && window.location.ancestorOrigins.length > 0) {
      return window.location.ancestorOrigins[0];
    }
    return allowedOrigins.length === 1 ? allowedOrigins[0] : null;
  }

  function say(text) {
    status.textContent = text;
  }

  function showUses(remaining, limit) {
    if (remaining === null || remaining === undefined) {
      return;
    }
    uses.textContent = remaining === 0
        ? 'This link has now been used as many times as it allows.'
        : remaining + ' of ' + limit + ' uses left.';
    if (remaining === 0) {
      button.hidden = true;
    }
  }

  function startPersona(sessionToken) {
    say('Connecting to the persona…');
    import(sdkUrl)
        .then(function (sdk) {
          var client = sdk.createClient(sessionToken);
          video.hidden = false;
          return client.streamToVideoElement('persona-video');
        })
        .then(function () {
          say('Connected.');
        })
        .catch(function () {
          say('The persona could not start in this browser. Reload the page to try again (that uses another use).');
        });
  }

  function referrerHost() {
    try {
      return document.referrer ? new URL(document.referrer).host : '';
    } catch (e) {
      return '';
    }
  }

  button.addEventListener('click', function () {
    if (starting) {
      return; // a double click is one use
    }
    starting = true;
    button.disabled = true;
    say('Starting…');
    var origin = embedder();
    var headers = origin ? {'X-Embedding-Origin': origin} : {};
    var referrer = referrerHost();
    if (referrer) {
      headers['X-Visitor-Referrer'] = referrer; // for the use log: this page itself sends no Referer
    }
    fetch('/v1/public/share-links/' + encodeURIComponent(token) + '/sessions', {method: 'POST', headers: headers})
        .then(function (response) {
          return response.json().then(function (body) {
            return {ok: response.ok, status: response.status, body: body};
          });
        })
        .then(function (result) {
          if (!result.ok) {
            say(result.body.message || 'This link cannot be used.');
            if (result.status === 502) {
              // the use was given back: pressing Start again is allowed
              starting = false;
              button.disabled = false;
            }
            return;
          }
          var session = result.body;
          showUses(session.remainingUses, page.dataset.usageLimit);
          status.dataset.sessionId = session.sessionId;
          if (framed && origin) {
            window.parent.postMessage({type: 'sharelinks.session', sessionId: session.sessionId, grant: session.grant},
                origin);
          }
          if (session.anamSessionToken && sdkUrl) {
            startPersona(session.anamSessionToken);
          } else if (!framed && session.launchUrl) {
            say('Session started. Taking you there…');
            // the grant goes in the fragment: never sent to a server, never in a Referer
            window.location.assign(session.launchUrl + '#grant=' + encodeURIComponent(session.grant));
          } else if (framed) {
            say('Session started.');
          } else {
            say('Session started and recorded. The platform has not configured where it leads.');
          }
        })
        .catch(function () {
          say('Could not reach the server. Try again.');
          starting = false;
          button.disabled = false;
        });
  });
})();
