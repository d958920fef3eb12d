// The baseline: a bare grammY bot on the same harness as the full stack (same fake Bot API, same
// updates, same driver loop): grammY's in-memory session, conversations v2 with its default (memory)
// storage, one conversation that asks, waits for a text and replies. No i18n, no database.
import { conversations, createConversation, type Conversation, type ConversationFlavor } from "@grammyjs/conversations";
import { Bot, session, type Context, type SessionFlavor } from "grammy";
import { BOT_INFO, FakeTelegram } from "../../test/helpers/fake-telegram.js";
import { measurement, memoryNow, type BenchOptions, type Scenario, type ScenarioResult } from "../harness.js";
import { runConversationSteps, type ConversationStepTarget } from "../workloads/conversation-step.js";

type BareContext = ConversationFlavor<Context & SessionFlavor<Record<string, never>>>;

const QUESTION = "Your full name?";
const ENTER_DATA = "prof:name";

export function createBareBot(tg: FakeTelegram): Bot<BareContext> {
  const bot = new Bot<BareContext>("123456:BENCH-token", { botInfo: BOT_INFO, client: { fetch: tg.fetch as never } });
  bot.use(session({ initial: () => ({}) }));
  bot.use(conversations());
  bot.use(
    createConversation(async (conversation: Conversation<BareContext, Context>, ctx: Context) => {
      await ctx.reply(QUESTION);
      const answer = await conversation.waitFor("message:text");
      await answer.reply(`Saved: ${answer.message.text}`);
    }, "name"),
  );
  bot.callbackQuery(ENTER_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter("name");
  });
  return bot;
}

export function bareTarget(tg: FakeTelegram, bot: Bot<BareContext>): ConversationStepTarget {
  const lastText = (chatId: number) => tg.transcript(chatId).at(-1)?.text;
  return {
    handle: (u) => bot.handleUpdate(u),
    enterData: ENTER_DATA,
    async verifyEntered(ids) {
      const bad = ids.filter((id) => lastText(id) !== QUESTION);
      if (bad.length) throw new Error(`bare: ${bad.length} chats were not asked (e.g. ${bad[0]}: ${lastText(bad[0]!)})`);
    },
    async verifyAnswered(ids) {
      const bad = ids.filter((id) => !lastText(id)?.startsWith("Saved: "));
      if (bad.length) throw new Error(`bare: ${bad.length} chats got no answer (e.g. ${bad[0]}: ${lastText(bad[0]!)})`);
    },
  };
}

export const bareConversationStep: Scenario = {
  id: "bare-conversation-step",
  title: "bare grammY: one conversation step (memory session + memory conversations)",
  async run(opts: BenchOptions): Promise<ScenarioResult> {
    const tg = new FakeTelegram();
    tg.latencyMs = opts.apiLatencyMs;
    const bot = createBareBot(tg);
    const chatIds = Array.from({ length: opts.chats }, (_, i) => 100_000 + i);
    const run = await runConversationSteps(this.id, bareTarget(tg, bot), chatIds, opts);
    const memory = memoryNow();
    return {
      id: this.id,
      title: this.title,
      workload: "text answer to a waiting conversation: memory session + memory conversation replay, one sendMessage, conversation ends",
      ...measurement(run.answers),
      concurrency: opts.concurrency,
      chats: opts.chats,
      memory,
      details: {
        ...(run.profiles.length ? { cpuProfiles: run.profiles } : {}),
        layers: run.layers,
        enterStep: { ...measurement(run.enters), note: "button press that opens the conversation (not part of the ratio)" },
      },
    };
  },
};
