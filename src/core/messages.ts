// Messages that core code reports to users (problems in notes). Core has no `vscode` import, so it
// carries its own two catalogues; the extension and the server pass the display language in.

export type Locale = 'en' | 'zh-cn';

const catalogues = {
  en: {
    yamlError: 'Front matter is not valid YAML: {0}',
    frontMatterNotMapping: 'Front matter must be a YAML mapping (key: value lines).',
    unclosedFrontMatter: 'Front matter starts with --- but has no closing --- line.',
    missingKey: 'Front matter lacks the required key "{0}".',
    schema: 'Front matter: {0} (at {1})',
    tooLarge: 'The note is {0} MB; notes over {1} MB are not indexed.',
    binary: 'The file is not text (it contains NUL bytes).',
    duplicateId: 'The id "{0}" is also used by {1}.',
    danglingRelated: 'Related id "{0}" matches no note.',
    duplicateQuestionId: 'Quiz question id "{0}" is used more than once.',
    answerOutOfRange: 'Quiz question "{0}": answer {1} is out of range for {2} choices.',
    refNotHeading: 'Quiz question "{0}": ref "{1}" names no heading of this note.',
  },
  'zh-cn': {
    yamlError: '前置元数据（front matter）不是有效的 YAML：{0}',
    frontMatterNotMapping: '前置元数据必须是 YAML 映射（“键: 值”形式的行）。',
    unclosedFrontMatter: '前置元数据以 --- 开始，但缺少结束的 --- 行。',
    missingKey: '前置元数据缺少必填键“{0}”。',
    schema: '前置元数据：{0}（位置 {1}）',
    tooLarge: '笔记大小为 {0} MB；超过 {1} MB 的笔记不会被索引。',
    binary: '该文件不是文本（包含 NUL 字节）。',
    duplicateId: 'id“{0}”也被 {1} 使用。',
    danglingRelated: '相关 id“{0}”没有对应的笔记。',
    duplicateQuestionId: '测验题 id“{0}”重复出现。',
    answerOutOfRange: '测验题“{0}”：答案 {1} 超出了 {2} 个选项的范围。',
    refNotHeading: '测验题“{0}”：ref“{1}”不是本笔记中的标题。',
  },
} satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof catalogues)['en'];

export function format(locale: Locale, key: MessageKey, ...args: (string | number)[]): string {
  return catalogues[locale][key].replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)]));
}

/** Maps a VS Code display language (`vscode.env.language`) to one of ours. */
export function toLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

export const catalogueKeys = (locale: Locale): string[] => Object.keys(catalogues[locale]).sort();
