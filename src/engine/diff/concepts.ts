/**
 * The concepts a comparative reader aligns two laws by, as groups of the corpus's
 * topics (rules/jurisdictions.json). A divergence is filed under the concept of its
 * forbidding rule's first topic, so a diff reads as a handful of reasons.
 */
export const CONCEPTS: { id: string; label: string; topics: string[] }[] = [
  { id: 'sensitive-data', label: 'Sensitive (biometric) data', topics: ['biometric-special-category'] },
  { id: 'consent-basis', label: 'Consent, legal basis and purpose', topics: ['consent', 'purpose-limitation'] },
  { id: 'public-sector', label: 'Public sector and law enforcement', topics: ['public-sector', 'law-enforcement-border'] },
  { id: 'ai', label: 'AI-specific bans and uses', topics: ['research-ai-training', 'scraping-public-sources', 'realtime-public-identification'] },
  { id: 'entrustment', label: 'Entrustment and processors', topics: ['entrustment-processors'] },
  { id: 'transfer', label: 'Cross-border transfer', topics: ['cross-border-transfer'] },
  { id: 'duties', label: 'Impact assessment and transparency', topics: ['impact-assessment', 'transparency'] },
  { id: 'retention', label: 'Retention and deletion', topics: ['retention-deletion'] },
  { id: 'automated-decisions', label: 'Automated decisions', topics: ['automated-decisions'] },
  { id: 'scope', label: 'Scope of application', topics: ['scope'] },
];

/** The concept of a list of topics: that of the first topic any concept holds. */
export function conceptOf(topics: string[]): { id: string; label: string } {
  for (const t of topics) {
    const c = CONCEPTS.find((x) => x.topics.includes(t));
    if (c) return c;
  }
  return { id: 'other', label: 'Other' };
}
