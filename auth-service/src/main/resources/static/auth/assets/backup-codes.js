// The backup codes page: copy the codes, or save them as a text file. They are shown only once,
// so the file is made in the browser from the page itself; nothing is fetched again.
(function () {
  'use strict';
  var list = document.getElementById('backup-codes');
  var outcome = document.getElementById('backup-codes-outcome');
  if (!list || !outcome) {
    return;
  }

  function codes() {
    return Array.prototype.map.call(list.querySelectorAll('code'), function (code) {
      return code.textContent;
    });
  }

  function text() {
    return 'Lunora Live backup codes (each signs you in once)\n\n' + codes().join('\n') + '\n';
  }

  document.getElementById('copy-backup-codes').addEventListener('click', function () {
    if (!navigator.clipboard) {
      outcome.textContent = 'Copying is not available here: select the codes and copy them.';
      return;
    }
    navigator.clipboard.writeText(codes().join('\n')).then(function () {
      outcome.textContent = 'Copied ' + codes().length + ' codes.';
    }, function () {
      outcome.textContent = 'The browser did not allow copying: select the codes and copy them.';
    });
  });

  document.getElementById('download-backup-codes').addEventListener('click', function () {
    var url = URL.createObjectURL(new Blob([text()], { type: 'text/plain' }));
    var link = document.createElement('a');
    link.href = url;
    link.download = 'lunora-backup-codes.txt';
    link.id = 'backup-codes-file';
    document.body.appendChild(link);
    link.click();
    outcome.textContent = 'Saved as lunora-backup-codes.txt.';
    setTimeout(function () {
      URL.revokeObjectURL(url);
      link.remove();
    }, 60000);
  });
}());
