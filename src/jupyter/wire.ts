// Jupyter messaging protocol v5: building, signing, parsing and verifying messages.
// https://jupyter-client.readthedocs.io/en/stable/messaging.html#the-wire-protocol
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "crypto";

export const DELIMITER = "<IDS|MSG>";
const PROTOCOL_VERSION = "5.3";

export interface MessageHeader {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

export interface Message<C = Record<string, unknown>> {
  header: MessageHeader;
  // An empty object when the message answers nothing (the protocol's choice, not null).
  parent_header: Partial<MessageHeader>;
  metadata: Record<string, unknown>;
  content: C;
}

/** A fresh key for a connection file; Jupyter uses a UUID, any secret string works. */
export function newKey(): string {
  return randomBytes(32).toString("hex");
}

/** Signs and checks messages for one client session (one connection file key). */
export class Session {
  readonly id = randomUUID();

  constructor(private readonly key: string) {}

  message<C>(msgType: string, content: C): Message<C> {
    return {
      header: {
        msg_id: randomUUID(),
        msg_type: msgType,
        session: this.id,
        username: "nnfs-ts",
        date: new Date().toISOString(),
        version: PROTOCOL_VERSION,
      },
      parent_header: {},
      metadata: {},
      content,
    };
  }

  /** The frames after the routing identities: delimiter, signature, then four JSON parts. */
  serialize(msg: Message<unknown>): string[] {
    const parts = [msg.header, msg.parent_header, msg.metadata, msg.content].map((p) => JSON.stringify(p));
    return [DELIMITER, this.sign(parts), ...parts];
  }

  /**
   * Parses received frames (identities or pub/sub topics first, then the delimiter).
   * Throws on a bad signature: a message we cannot authenticate must not steer the runner.
   */
  parse(frames: Buffer[]): Message {
    const at = frames.findIndex((f) => f.length === DELIMITER.length && f.toString("latin1") === DELIMITER);
    if (at < 0 || frames.length < at + 6) throw new Error("malformed Jupyter message (no <IDS|MSG> delimiter)");
    const signature = frames[at + 1].toString("latin1");
    const parts = frames.slice(at + 2, at + 6).map((f) => f.toString("utf8"));
    const expected = this.sign(parts);
    if (
      this.key !== "" &&
      (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected)))
    ) {
      throw new Error("Jupyter message with an invalid HMAC signature");
    }
    const [header, parent_header, metadata, content] = parts.map((p) => JSON.parse(p));
    return { header, parent_header, metadata, content };
  }

  private sign(parts: string[]): string {
    // An empty key means "no authentication" in the spec; the signature is then empty.
    if (this.key === "") return "";
    const hmac = createHmac("sha256", this.key);
    for (const p of parts) hmac.update(p);
    return hmac.digest("hex");
  }
}
