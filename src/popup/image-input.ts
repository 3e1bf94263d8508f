import { isImageFile, type OnProgress, prepareImageDecoder, readImageFiles } from './read-image-files.ts';

/** The files to read, in their order, or none when not one of them is an image (a paste of text). */
function imageFiles(files: FileList | null | undefined): File[] {
  const all = Array.from(files ?? []);
  return all.some(isImageFile) ? all : [];
}

/**
 * The popup's three ways to hand it images, all through the same decoder and result view: the
 * `file-input` (several files at once), pasting (Ctrl+V) and dropping files on the popup.
 */
export function wireImageInput(
  fileInput: HTMLInputElement,
  onNotImage: () => void,
  onProgress: OnProgress,
): void {
  // The file dialog opens: the decoder gets ready while the person picks a file.
  fileInput.addEventListener('click', prepareImageDecoder);
  fileInput.addEventListener('change', () => {
    const files = Array.from(fileInput.files ?? []);
    if (files.length > 0) void readImageFiles(files, onProgress);
    fileInput.value = '';
  });

  document.addEventListener('paste', (event) => {
    const target = event.target;
    if (target instanceof Element && target.closest('input:not([type="file"]), textarea')) return;
    const images = imageFiles(event.clipboardData?.files);
    if (images.length > 0) {
      event.preventDefault();
      void readImageFiles(images, onProgress);
    } else {
      onNotImage();
    }
  });

  let depth = 0;
  const dragging = (on: boolean): void => {
    document.body.classList.toggle('dragging', on);
  };
  document.addEventListener('dragenter', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    prepareImageDecoder();
    depth++;
    dragging(true);
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) dragging(false);
  });
  document.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    dragging(false);
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    const images = imageFiles(files);
    if (images.length > 0) void readImageFiles(images, onProgress);
    else onNotImage();
  });
}
