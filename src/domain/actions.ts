// What a button under a notice does, in the domain's words. The domain never builds a messenger's button
// data: a notice carries these actions, and the messenger's layer turns each into what its handler
// decodes (Telegram: callback data, `packAction` in src/bot/actions.ts, handed to the outbox when the
// app is built). A second messenger would write its own packer; the domain does not change.
export type CertificateKind = "material" | "lesson" | "meeting";

export type ButtonAction =
  /** open a lesson's card */
  | { do: "lesson-card"; id: number }
  /** rate a lesson a guest attended */
  | { do: "lesson-rate"; id: number }
  /** a lesson's calendar file (on a cancellation: the one that takes it out) */
  | { do: "lesson-calendar"; id: number }
  /** the methodist's queue of lessons to review */
  | { do: "lesson-queue" }
  /** offer a lesson (again) */
  | { do: "lesson-offer" }
  /** answer an invitation: going or not */
  | { do: "meeting-rsvp"; id: number; going: boolean }
  | { do: "meeting-calendar"; id: number }
  | { do: "course-card"; id: number }
  /** an offered seat: accept or decline (`reg`: the registration) */
  | { do: "course-offer"; reg: number; yes: boolean }
  | { do: "course-calendar"; id: number }
  /** a recipient picks option `option` (0-based) of broadcast `id`'s question */
  | { do: "broadcast-answer"; id: number; option: number }
  /** get a certificate, in the holder's language */
  | { do: "certificate"; kind: CertificateKind; id: number }
  | { do: "material-card"; id: number }
  /** the methodist's queue of materials to review */
  | { do: "material-queue" };

/** Turns an action into what the messenger keeps under a message (Telegram: its callback data). */
export type ActionPacker = (action: ButtonAction) => string;
