// The full stack: the real bot from createApp on a fresh temporary SQLite database, behind the fake
// Bot API. Registered teachers edit their name from the profile card: the press on "Edit name" opens
// the conversation (not measured), the text answer with the new name is the measured update. It goes
// through everything a real answer does: sequentialize, the database session, loading the user, i18n,
// the database conversation storage and its replay, validation, the UPDATE of the user row, a localized
// reply through the retrying API transport, the conversation state deleted.
import { measurement, memoryNow, type BenchOptions, type Scenario, type ScenarioResult } from "../harness.js";
import { editNameTarget, openFullStack } from "../fixtures/full-stack.js";
import { perSecond, round } from "../stats.js";
import { runConversationSteps } from "../workloads/conversation-step.js";

export const fullConversationStep: Scenario = {
  id: "full-conversation-step",
  title: "full stack: one conversation step (DB session + DB conversations + i18n + DB write)",
  async run(opts: BenchOptions): Promise<ScenarioResult> {
    const stack = await openFullStack(opts.chats, opts.apiLatencyMs);
    try {
      const target = editNameTarget(stack, (u) => stack.app.bot.handleUpdate(u), { checkDatabase: true });
      const run = await runConversationSteps(this.id, target, stack.chatIds, opts);
      const memory = memoryNow();
      return {
        id: this.id,
        title: this.title,
        workload:
          "text answer (new full name) to the open 'edit name' conversation: DB session + user + DB conversation state read, replay, validation, UPDATE user, one sendMessage, conversation state deleted",
        ...measurement(run.answers),
        concurrency: opts.concurrency,
        chats: opts.chats,
        memory,
        details: {
          ...(run.profiles.length ? { cpuProfiles: run.profiles } : {}),
          layers: run.layers,
          database: "SQLite (temporary file, WAL)",
          registeredUsers: opts.chats,
          registration: { ms: round(stack.registerMs, 1), perSecond: perSecond(opts.chats, stack.registerMs) },
          enterStep: { ...measurement(run.enters), note: "press on 'Edit name' that opens the conversation (not part of the ratio)" },
        },
      };
    } finally {
      await stack.close();
    }
  },
};
