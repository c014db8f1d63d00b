// Live output of a running run: the page names its event stream; lines are appended as they
// come, and at the end the page reloads to show the final status, summary and artifacts.
document.addEventListener("DOMContentLoaded", function () {
  var output = document.getElementById("output");
  if (!output || !output.dataset.stream) { return; }
  var source = new EventSource(output.dataset.stream);
  source.addEventListener("line", function (event) {
    output.textContent += event.data + "\n";
    output.scrollTop = output.scrollHeight;
  });
  source.addEventListener("end", function (event) {
    source.close();
    var status = document.getElementById("run-status");
    if (status) { status.textContent = event.data; }
    window.location.reload();
  });
  source.onerror = function () { source.close(); };
});
