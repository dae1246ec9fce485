// What dexie-export-import uses of a browser or worker and Node lacks: `self` and a FileReader over Blobs.
(globalThis as { self?: unknown }).self ??= globalThis;

class NodeFileReader extends EventTarget {
  result: string | ArrayBuffer | null = null;
  error: unknown = null;
  onload: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor() {
    super();
    this.addEventListener('load', (event) => this.onload?.(event));
    this.addEventListener('error', (event) => this.onerror?.(event));
  }

  private finish(read: Promise<string | ArrayBuffer>): void {
    read.then(
      (result) => {
        this.result = result;
        this.dispatchEvent(new Event('load'));
      },
      (error: unknown) => {
        this.error = error;
        this.dispatchEvent(new Event('error'));
      },
    );
  }

  readAsText(blob: Blob): void {
    this.finish(blob.text());
  }

  readAsArrayBuffer(blob: Blob): void {
    this.finish(blob.arrayBuffer());
  }

  readAsBinaryString(blob: Blob): void {
    this.finish(blob.arrayBuffer().then((buffer) => Buffer.from(buffer).toString('latin1')));
  }
}

(globalThis as { FileReader?: unknown }).FileReader ??= NodeFileReader;
