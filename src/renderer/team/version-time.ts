/** When a member made a version of a shared entry, as the screens show it. */
export const versionTime = (at: number) => new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
