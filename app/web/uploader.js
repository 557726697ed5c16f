// Filestore's uploader: FilePond sends each file straight to S3 through a presigned URL that Filestore's
// Preprocess function hands out, and undoes an upload through its Revert function. Plain JavaScript, no build.
(() => {
  'use strict';

  const form = document.getElementById('upload-form');
  const ids = document.getElementById('file-ids');

  // Read at each call, so that the API root set in the page (data-api-root) is the one place to change.
  const apiRoot = () => (form.dataset.apiRoot || '').replace(/\/+$/, '');

  /** The caller-facing words for a failed response: Filestore's {"message"}, else the status. */
  async function reason(response, what) {
    try {
      const body = await response.json();
      if (body && body.message) {
        return `${what}: ${body.message}`;
      }
    } catch (ignored) {
      // not JSON: fall through to the status
    }
    return `${what} (HTTP ${response.status})`;
  }

  function process(fieldName, file, metadata, load, error, progress, abort) {
    const request = new AbortController();
    const contentType = file.type || 'application/octet-stream';
    let upload = null;
    let aborted = false;

    (async () => {
      let answer;
      try {
        const response = await fetch(`${apiRoot()}/file`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          // Size and type are declared so that Filestore refuses, before any byte is sent, a file over its
          // limits, and signs them into the upload URL.
          body: JSON.stringify({ name: file.name, size: file.size, type: contentType }),
          signal: request.signal,
        });
        if (!response.ok) {
          error(await reason(response, 'Not uploaded'));
          return;
        }
        answer = await response.json();
      } catch (e) {
        if (!aborted) {
          error('The file service cannot be reached; check your connection and try again');
        }
        return;
      }
      if (aborted) {
        return;
      }
      upload = new XMLHttpRequest();
      upload.open('PUT', answer.url);
      upload.setRequestHeader('Content-Type', contentType);
      upload.upload.onprogress = (e) => progress(e.lengthComputable, e.loaded, e.total);
      upload.onload = () => {
        if (upload.status >= 200 && upload.status < 300) {
          load(answer.id);
        } else {
          error(`The storage rejected the upload (HTTP ${upload.status})`);
        }
      };
      upload.onerror = () => error('The upload could not reach the storage; try again');
      upload.send(file);
    })();

    return {
      abort: () => {
        aborted = true;
        request.abort();
        if (upload) {
          upload.abort();
        }
        abort();
      },
    };
  }

  async function revert(id, load, error) {
    try {
      const response = await fetch(`${apiRoot()}/file/${encodeURIComponent(id)}`, { method: 'DELETE' });
      if (response.ok) {
        load();
      } else {
        error(await reason(response, 'The upload could not be undone'));
      }
    } catch (e) {
      error('The file service cannot be reached; the upload was not undone');
    }
  }

  const pond = FilePond.create(document.getElementById('files'), {
    maxFiles: 3,
    allowMultiple: true,
    credits: false,
    server: { process, revert },
    labelFileProcessingError: (e) => e.body || 'Upload failed',
    labelFileProcessingRevertError: (e) => e.body || 'Undo failed',
  });

  const showIds = () => {
    ids.value = pond.getFiles().map((f) => f.serverId).filter(Boolean).join(', ');
  };
  pond.on('processfile', showIds);
  pond.on('removefile', showIds);
  pond.on('processfilerevert', showIds);
  window.filestorePond = pond;
})();
