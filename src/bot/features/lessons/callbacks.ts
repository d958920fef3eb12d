// The open-lesson buttons' callback data: the codecs live beside the domain (its notices carry buttons).
export * from "../../../domain/lessons/actions.js";
