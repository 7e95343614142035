// Progressive enhancement of the register upload form (templates/home/register-upload.html): the form
// posts by itself without this script; with it, a large file shows its progress and the report page's
// content replaces the page's in place. Every word shown after the upload comes from the server's page.
(function () {
  if (window.registerUploadReady) {
    return;
  }
  window.registerUploadReady = true;

  function replaceMain(page) {
    var incoming = page.getElementById('main');
    var main = document.getElementById('main');
    if (!incoming || !main) {
      return false;
    }
    main.innerHTML = incoming.innerHTML;
    document.title = page.title;
    var heading = main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    return true;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('register-upload') || !window.FormData) {
      return;
    }
    var input = form.querySelector('input[type=file]');
    var progress = form.querySelector('.register-progress');
    var status = form.querySelector('.register-status');
    var button = form.querySelector('button[type=submit]');
    if (!input.files.length) {
      return;
    }
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.responseType = 'document';
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        var percent = Math.round(e.loaded / e.total * 100);
        progress.hidden = false;
        progress.value = percent;
        status.textContent = percent < 100 ? 'Sending: ' + percent + '%' : 'Sent; reading the register...';
      }
    });
    xhr.addEventListener('load', function () {
      if (!xhr.response || !replaceMain(xhr.response)) {
        // not a Doorstep page: the server refused the upload before reading it (e.g. far too large)
        button.disabled = false;
        progress.hidden = true;
        status.textContent = 'The register was not imported (the server answered ' + xhr.status + ' ' + xhr.statusText
            + '). Nothing was changed.';
      }
    });
    xhr.addEventListener('error', function () {
      button.disabled = false;
      progress.hidden = true;
      status.textContent = 'The register could not be sent: the connection failed. Nothing was imported; try again.';
    });
    button.disabled = true;
    status.textContent = 'Sending...';
    xhr.send(new FormData(form));
  });
}());
