import { XML_DECL } from "./charts";
import { NS } from "./package";
import { applyEdits, attrsOf, closeOf, escapeAttr, rootOf, scanTags, type Tag } from "./xml";

/**
 * A relationships part (OPC, ECMA-376 part 2 §9.3) being edited as text: relationships removed and added,
 * everything else kept as written. New ids are the lowest free `rIdN`.
 */
export class RelsEdit {
  private readonly xml: string;
  private readonly tags: Tag[];
  private readonly removed: Tag[] = [];
  private readonly added: string[] = [];
  private readonly ids: Set<string>;
  private next = 1;

  constructor(existing: string | undefined) {
    this.xml = existing ?? `${XML_DECL}<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
    this.tags = scanTags(this.xml);
    this.ids = new Set(this.rels().map((t) => attrsOf(t).get("Id") ?? ""));
  }

  private rels(): Tag[] {
    return this.tags.filter((t) => t.depth === 1 && t.local === "Relationship" && t.kind !== "close");
  }

  remove(pred: (id: string, type: string) => boolean): void {
    for (const t of this.rels()) {
      const a = attrsOf(t);
      const id = a.get("Id") ?? "";
      if (pred(id, a.get("Type") ?? "")) {
        this.removed.push(t);
        this.ids.delete(id);
      }
    }
  }

  add(type: string, target: string): string {
    while (this.ids.has(`rId${this.next}`)) this.next++;
    const id = `rId${this.next}`;
    this.ids.add(id);
    const q = rootOf(this.tags, "rels").prefix;
    this.added.push(
      `<${q ? q + ":" : ""}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`,
    );
    return id;
  }

  result(): string {
    const edits = this.removed.map((t) => ({
      start: t.start,
      end: closeOf(this.tags, this.tags.indexOf(t)).end,
      text: "",
    }));
    const root = rootOf(this.tags, "rels");
    if (root.kind === "empty")
      edits.push({
        start: root.start,
        end: root.end,
        text: `${this.xml.slice(root.start, root.end).replace(/\s*\/>$/, ">")}${this.added.join("")}</${root.qname}>`,
      });
    else {
      const close = this.tags.filter((t) => t.depth === 0 && t.kind === "close")[0];
      edits.push({ start: close.start, end: close.start, text: this.added.join("") });
    }
    return applyEdits(this.xml, edits);
  }
}
