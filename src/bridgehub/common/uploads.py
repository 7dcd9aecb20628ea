"""An upload handler that stops reading a request body once it passes a size cap.

Django would otherwise stream any upload to a temporary file before the view can look at its
size. Installed per view (before the body is read), it stops at the cap and leaves a flag the
view turns into a clear form error.
"""

from __future__ import annotations

from django.core.files.uploadhandler import FileUploadHandler, StopUpload


class UploadTooLarge(FileUploadHandler):
    def __init__(self, request=None, *, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.received = 0
        self.announced_too_large = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # Django does not catch StopUpload here; the first file part stops the upload instead.
        self.announced_too_large = content_length is not None and content_length > self.max_bytes

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if self.announced_too_large:
            self._refuse()

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self._refuse()
        return raw_data

    def file_complete(self, file_size):
        return None

    def _refuse(self) -> None:
        setattr(self.request, "upload_too_large", True)  # noqa: B010 - a flag on the request, read by the view
        raise StopUpload(connection_reset=True)
