// Model and parameter files as a careless or hostile writer could make them: for the tests of
// src/network/serialization.ts.
import { createHash } from "crypto";

/** The fixed-size prefix: magic bytes, version, header length, data length. */
export const PREFIX = 24;

/** The file's bytes with its JSON header rewritten by `edit` and the checksum made right again. */
export function withHeader(file: Buffer, edit: (header: Record<string, any>) => void): Buffer {
  const headerBytes = file.readUInt32LE(12);
  const header = JSON.parse(file.toString("utf8", PREFIX, PREFIX + headerBytes));
  edit(header);
  const json = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.from(file.subarray(0, PREFIX));
  prefix.writeUInt32LE(json.length, 12);
  const body = Buffer.concat([prefix, json, file.subarray(PREFIX + headerBytes, file.length - 32)]);
  return Buffer.concat([body, createHash("sha256").update(body).digest()]);
}
