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
    tooLarge: 'The note is {0} MB: notes over {1} MB are indexed by their front matter only (setting studyNotes.maxNoteSizeMB).',
    binary: 'The file is not text (it contains NUL bytes).',
    frontMatterTooLarge: 'Front matter over {0} KB is not read.',
    frontMatterTooDeep: 'Front matter is nested too deeply to read.',
    frontMatterAliases: 'Front matter repeats its YAML aliases too often to read (more than 100,000 values).',
    exerciseRefNotHeading: 'Exercise "{0}": ref "{1}" names no heading of this note.',
    untitledSection: '(untitled section)',
    duplicateId: 'The id "{0}" is also used by {1}.',
    danglingRelated: 'Related id "{0}" matches no note.',
    duplicateQuestionId: 'Quiz question id "{0}" is used more than once.',
    answerOutOfRange: 'Quiz question "{0}": answer {1} is out of range for {2} choices.',
    refNotHeading: 'Quiz question "{0}": ref "{1}" names no heading of this note.',
    danglingLink: 'Link target "{0}" matches no note.',
    questionIdElsewhere: 'Quiz question id "{0}" is also used by {1}.',
    noChoices: 'Quiz question "{0}" has no choices.',
    emptyChoice: 'Quiz question "{0}": choice {1} is empty.',
    noCorrectChoice: 'Quiz question "{0}" marks no choice as correct.',
    outputWithoutAnswer: 'Quiz question "{0}" asks for output but has no expected output in "answer".',
    diagramError: 'The diagram does not parse: {0}',
    moreProblems: '{0} more problems in this file are not shown.',
    hoverMastery: 'Mastery: {0}%',
    hoverOpenNote: 'Open note',
    createNote: 'Create note "{0}"',
    replaceWith: 'Change to "{0}"',
    invalidId: 'An id is lower-case letters and digits joined by hyphens, like "tcp-handshake".',
    idTaken: 'The id "{0}" is already used by {1}.',
    notAConcept: 'Only a concept id (the note id, a related id or a note link) can be renamed.',
    reviewLogNotJson: 'Line {0} of the quiz review log is not valid JSON (perhaps cut off by an interrupted write) and was skipped.',
    reviewLogBadField: 'Line {0} of the quiz review log was skipped: its "{1}" field is missing or invalid.',
    reviewLogNewerVersion: 'Line {0} of the quiz review log was skipped: it was written in log format {1} by a newer version of Study Notes.',
    ankiSelectAll: '(Select all that apply.)',
    ankiTrue: 'True',
    ankiFalse: 'False',
    outputTruncated: '… output truncated ({0} more)',
    diffTruncated: '… diff truncated ({0} more lines)',
  },
  'zh-cn': {
    yamlError: '前置元数据（front matter）不是有效的 YAML：{0}',
    frontMatterNotMapping: '前置元数据必须是 YAML 映射（“键: 值”形式的行）。',
    unclosedFrontMatter: '前置元数据以 --- 开始，但缺少结束的 --- 行。',
    missingKey: '前置元数据缺少必填键“{0}”。',
    schema: '前置元数据：{0}（位置 {1}）',
    tooLarge: '笔记大小为 {0} MB：超过 {1} MB 的笔记只索引前置元数据（设置 studyNotes.maxNoteSizeMB）。',
    binary: '该文件不是文本（包含 NUL 字节）。',
    frontMatterTooLarge: '超过 {0} KB 的前置元数据不会被读取。',
    frontMatterTooDeep: '前置元数据嵌套太深，无法读取。',
    frontMatterAliases: '前置元数据中的 YAML 别名重复引用过多（超过 100,000 个值），无法读取。',
    exerciseRefNotHeading: '练习“{0}”：ref“{1}”不是本笔记中的标题。',
    untitledSection: '（无标题小节）',
    duplicateId: 'id“{0}”也被 {1} 使用。',
    danglingRelated: '相关 id“{0}”没有对应的笔记。',
    duplicateQuestionId: '测验题 id“{0}”重复出现。',
    answerOutOfRange: '测验题“{0}”：答案 {1} 超出了 {2} 个选项的范围。',
    refNotHeading: '测验题“{0}”：ref“{1}”不是本笔记中的标题。',
    danglingLink: '链接目标“{0}”没有对应的笔记。',
    questionIdElsewhere: '测验题 id“{0}”也被 {1} 使用。',
    noChoices: '测验题“{0}”没有选项。',
    emptyChoice: '测验题“{0}”：第 {1} 个选项是空的。',
    noCorrectChoice: '测验题“{0}”没有标出正确选项。',
    outputWithoutAnswer: '测验题“{0}”问的是输出，但“answer”中没有预期输出。',
    diagramError: '图表无法解析：{0}',
    moreProblems: '此文件中还有 {0} 个问题未显示。',
    hoverMastery: '掌握程度：{0}%',
    hoverOpenNote: '打开笔记',
    createNote: '创建笔记“{0}”',
    replaceWith: '改为“{0}”',
    invalidId: 'id 由小写字母和数字组成，用连字符连接，例如“tcp-handshake”。',
    idTaken: 'id“{0}”已被 {1} 使用。',
    notAConcept: '只能重命名概念 id（笔记 id、相关 id 或笔记链接）。',
    reviewLogNotJson: '测验复习记录第 {0} 行不是有效的 JSON（可能因写入中断而不完整），已跳过。',
    reviewLogBadField: '测验复习记录第 {0} 行已跳过：字段“{1}”缺失或无效。',
    reviewLogNewerVersion: '测验复习记录第 {0} 行已跳过：它由更新版本的 Study Notes 以记录格式 {1} 写入。',
    ankiSelectAll: '（多选：选出所有正确项。）',
    ankiTrue: '正确',
    ankiFalse: '错误',
    outputTruncated: '… 输出已截断（另有 {0} 未显示）',
    diffTruncated: '… 差异已截断（另有 {0} 行未显示）',
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
