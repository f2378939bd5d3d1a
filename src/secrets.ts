/**
 * Secret scrubbing: every line the connector writes passes through `scrub`, so the admin
 * key cannot leak even when an error body echoes request material back.
 */
export const MASK = '**********';

export class SecretScrubber {
  private readonly secrets: string[] = [];

  add(secret: string | undefined): void {
    // Very short values would mask ordinary text; real keys are long.
    if (secret !== undefined && secret.length >= 8 && !this.secrets.includes(secret)) this.secrets.push(secret);
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      if (out.includes(secret)) out = out.split(secret).join(MASK);
    }
    return out;
  }
}
