/** The repository root, found from a script's folder whether it runs from scripts/ or compiled under build/. */
import * as fs from "fs";
import * as path from "path";

export function repoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}
