import { execFileSync } from 'node:child_process';

/** The CLI, package and browser tests use dist/: compile it once, before any test file runs. */
export default function compile(): void {
  execFileSync('npm', ['run', '--silent', 'compile'], { stdio: 'inherit' });
}
