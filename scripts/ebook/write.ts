/**
 * All or nothing: the downloads are written into a temp folder beside the target and
 * renamed into place only when every file is there. A failed export leaves the previous
 * downloads (or none) and no partial files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export async function writeAllOrNothing(targetDir: string, make: (tempDir: string) => Promise<void>): Promise<void> {
  const parent = path.dirname(targetDir);
  await fs.mkdir(parent, {recursive: true});
  const temp = await fs.mkdtemp(path.join(parent, `.${path.basename(targetDir)}-`));
  try {
    await make(temp);
    await fs.chmod(temp, 0o755); // mkdtemp makes it private; the site serves it
    const old = `${temp}-old`;
    const hadOld = await fs.rename(targetDir, old).then(() => true, () => false);
    await fs.rename(temp, targetDir);
    if (hadOld) await fs.rm(old, {recursive: true, force: true});
  } catch (error) {
    await fs.rm(temp, {recursive: true, force: true});
    throw error;
  }
}
