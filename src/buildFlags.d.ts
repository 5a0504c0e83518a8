// Constants esbuild replaces at build time (see esbuild.mjs).

/** True in development and test builds, false in `--production`: test-only reports compile away. */
declare const STUDY_NOTES_TEST: boolean;
