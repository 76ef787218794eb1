// TimeTracker admin: the Copy button, and a shown-once token that never comes back from the browser's
// back-forward cache. No build step, no dependencies.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) {
        return;
    }
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById('copied');
    field.select();
    var done = function () { status.textContent = 'Copied to the clipboard.'; };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () {
            status.textContent = 'Select the token and copy it (Ctrl+C / ⌘C).';
        });
    } else {
        document.execCommand('copy') ? done() : status.textContent = 'Select the token and copy it.';
    }
});
window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
        document.querySelectorAll('[data-shown-once]').forEach(function (shown) { shown.remove(); });
    }
});
