// The printing goldens (test/golden/gen_printing.py), decoded: values arrive in
// helpers.encode's form, floats as the hex of their float32/float64 bits.
import { readFileSync } from "fs";
import { join } from "path";
import { NDArray } from "../../src/np/core";
import { allocate, DType } from "../../src/np/dtype";

export interface Encoded { dtype: string; shape: number[]; data: (string | number | boolean)[] }

export interface PrintingCase {
  array?: Encoded;
  str?: string;
  repr?: string;
  value?: Encoded;
  spec?: string;
  out?: string;
}

export const printingGolden = JSON.parse(
  readFileSync(join(__dirname, "..", "golden", "printing.json"), "utf8"),
) as Record<string, PrintingCase>;

/** The cases whose names start with `kind:` ("array", "scalar" or "format"). */
export function casesOf(kind: string): [string, PrintingCase][] {
  return Object.entries(printingGolden).filter(([name]) => name.startsWith(`${kind}:`));
}

const view = new DataView(new ArrayBuffer(8));

function element(v: string | number | boolean): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  if (v.length === 8) {
    view.setUint32(0, parseInt(v, 16));
    return view.getFloat32(0);
  }
  view.setUint32(0, parseInt(v.slice(0, 8), 16));
  view.setUint32(4, parseInt(v.slice(8), 16));
  return view.getFloat64(0);
}

export function decode(e: Encoded): NDArray {
  const dtype = e.dtype as DType;
  const data = allocate(dtype, e.data.length);
  e.data.forEach((v, i) => { data[i] = element(v); });
  return new NDArray(data, e.shape, dtype);
}

/** A 0-d encoded value as a JS number. */
export const scalarOf = (e: Encoded): number => element(e.data[0]);
