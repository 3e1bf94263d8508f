import { prepareImageDecoder, readImageFile } from './read-image-file.ts';

/** The first image among files (a paste or a drop may carry other things too). */
function firstImage(files: FileList | null | undefined): File | undefined {
  return Array.from(files ?? []).find((file) => file.type.startsWith('image/') || file.type === '');
}

/**
 * The popup's three ways to hand it an image, all through the same decoder and result view: the
 * `file-input`, pasting (Ctrl+V) and dropping a file on the popup.
 */
export function wireImageInput(fileInput: HTMLInputElement, onNotImage: () => void): void {
  // The file dialog opens: the decoder gets ready while the person picks a file.
  fileInput.addEventListener('click', prepareImageDecoder);
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void readImageFile(file);
    fileInput.value = '';
  });

  document.addEventListener('paste', (event) => {
    const target = event.target;
    if (target instanceof Element && target.closest('input:not([type="file"]), textarea')) return;
    const image = firstImage(event.clipboardData?.files);
    if (image) {
      event.preventDefault();
      void readImageFile(image);
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
    const image = firstImage(files);
    if (image) void readImageFile(image);
    else onNotImage();
  });
}
