// Entry point VS Code loads inside its extension host (`extensionTestsPath`). It runs the mocha
// suites of this folder and writes each result as a JSON line, because the harness that started
// VS Code runs in another process and learns the outcome only from that file.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

const resultsFile = process.env.STUDY_NOTES_RESULTS ?? path.join(__dirname, 'results.jsonl');

function record(entry: object): void {
  fs.appendFileSync(resultsFile, JSON.stringify(entry) + '\n');
}

class JsonLinesReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    runner.on('pass', (test) => record({ event: 'pass', title: test.fullTitle(), duration: test.duration }));
    runner.on('fail', (test, error: Error) => record({ event: 'fail', title: test.fullTitle(), message: error.message, stack: error.stack }));
    runner.on('pending', (test) => record({ event: 'pending', title: test.fullTitle() }));
    runner.once('end', () => record({ event: 'end', stats: runner.stats }));
  }
}

export async function run(): Promise<void> {
  fs.writeFileSync(resultsFile, '');
  try {
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, reporter: JsonLinesReporter });
    const files = fs.readdirSync(__dirname).filter((file) => file.endsWith('.test.js')).sort();
    for (const file of files) mocha.addFile(path.join(__dirname, file));
    await mocha.loadFilesAsync();
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  } catch (error) {
    if (!fs.readFileSync(resultsFile, 'utf8').includes('"event":"end"')) {
      record({ event: 'error', message: (error as Error).message, stack: (error as Error).stack });
    }
    throw error;
  }
}
