// Speaker suggestion moved to shared/ (pure: the quote finder uses it too); kept here for the UI's imports.
export { SPEECH_VERBS, suggestSpeaker } from '../../shared/speaker-suggestion';
