// Upload: send the file to /api/uploads, poll its progress, then open the stored document.
"use strict";
(function () {
  const form = document.getElementById("upload-form");
  const input = document.getElementById("upload-file");
  const zone = document.getElementById("drop-zone");
  const panel = document.getElementById("upload-progress");
  const bar = document.getElementById("upload-bar");
  const stage = document.getElementById("upload-stage");
  const maxBytes = Number(form.dataset.maxBytes);

  function show(text, progress, failed) {
    panel.hidden = false;
    stage.textContent = text;
    stage.classList.toggle("error", Boolean(failed));
    if (progress != null) { bar.value = progress; }
  }

  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer.files.length) { input.files = e.dataTransfer.files; form.requestSubmit(); }
  });
  input.addEventListener("change", function () {
    zone.querySelector("span").textContent = input.files.length ? input.files[0].name : "Drop a file here or choose one";
  });

  async function poll(url) {
    for (;;) {
      const job = await (await fetch(url)).json();
      const found = job.n_indicators != null ? " (" + job.n_indicators + " indicators found)" : "";
      if (job.stage === "done") {
        show("done" + found + ", opening…", 1);
        location.assign(job.document_url);
        return;
      }
      if (job.stage === "failed") { show("failed: " + job.error, job.progress, true); return; }
      show(job.stage + found + "… " + Math.round(job.elapsed_s) + " s", job.progress);
      await new Promise(function (resolve) { setTimeout(resolve, 250); });
    }
  }

  form.addEventListener("submit", async function (e) {
    e.preventDefault();
    const file = input.files[0];
    if (!file) { return; }
    if (file.size > maxBytes) { show("failed: the file is larger than " + maxBytes + " bytes", 0, true); return; }
    show("uploading " + file.name + "…", 0.05);
    const body = new FormData();
    body.append("file", file);
    const response = await fetch("/api/uploads", { method: "POST", body: body });
    const job = await response.json();
    if (!response.ok) { show("failed: " + job.error, 0, true); return; }
    poll("/api/uploads/" + encodeURIComponent(job.job));
  });
})();
