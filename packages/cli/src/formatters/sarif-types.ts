/** The part of SARIF 2.1.0 (OASIS, `sarif-schema-2.1.0.json`) that `--format sarif` writes. */

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: SarifDriver };
  originalUriBaseIds?: Record<string, { uri: string; description?: SarifMessage }>;
  results: SarifResult[];
  columnKind: 'utf16CodeUnits' | 'unicodeCodePoints';
}

export interface SarifDriver {
  name: string;
  version: string;
  semanticVersion?: string;
  informationUri?: string;
  rules: SarifReportingDescriptor[];
}

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface SarifReportingDescriptor {
  id: string;
  name?: string;
  shortDescription?: SarifMessage;
  fullDescription?: SarifMessage;
  help?: SarifMessage;
  helpUri?: string;
  defaultConfiguration?: { level: SarifLevel; enabled?: boolean };
  properties?: Record<string, unknown>;
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** 1-based lines and columns; an empty region has `endColumn === startColumn`. */
export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion };
  message?: SarifMessage;
}

export interface SarifFix {
  description: SarifMessage;
  artifactChanges: Array<{
    artifactLocation: SarifArtifactLocation;
    replacements: Array<{ deletedRegion: SarifRegion; insertedContent: { text: string } }>;
  }>;
  properties?: Record<string, unknown>;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  fixes?: SarifFix[];
  properties?: Record<string, unknown>;
}
