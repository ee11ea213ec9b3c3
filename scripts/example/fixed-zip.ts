/** Re-pack an xlsx with a fixed date on every zip entry, so that the bytes do not depend on the clock. */
import JSZip from "jszip";

export async function repackWithFixedDates(buffer: ArrayBuffer, date: Date): Promise<Buffer> {
  const src = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  for (const name of Object.keys(src.files)) {
    const entry = src.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("uint8array"), { date, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}
