// Fonts with Cyrillic for what the bot draws itself (chart images, PDF documents): PT Sans, made by
// ParaType for the languages of Russia, shipped as TTF files in an npm package, so that no system font
// is assumed and nothing is fetched from a font service.
import { createRequire } from "node:module";
import path from "node:path";

const dir = path.dirname(createRequire(import.meta.url).resolve("@expo-google-fonts/pt-sans/package.json"));

/** Absolute paths of the TTF files. */
export const FONTS = {
  regular: path.join(dir, "400Regular", "PTSans_400Regular.ttf"),
  bold: path.join(dir, "700Bold", "PTSans_700Bold.ttf"),
  italic: path.join(dir, "400Regular_Italic", "PTSans_400Regular_Italic.ttf"),
  boldItalic: path.join(dir, "700Bold_Italic", "PTSans_700Bold_Italic.ttf"),
} as const;

export const FONT_FAMILY = "PT Sans";
