/**
 * The part of docx's API that src/common/formats/docx-writer.ts uses, for the type-checks of the layers that run
 * without Node (tsconfig.common.json and tsconfig.renderer.json map `docx` here). docx's own declarations begin
 * with `/// <reference types="node" />` (for Buffer and streams), which would hand Node's globals to every file of
 * those checks. The node, electron and test checks compile the same writer against docx's own declarations, so a
 * use this subset allows and docx does not still fails there.
 */

export declare const HeadingLevel: { readonly TITLE: 'Title' };
export declare const WidthType: { readonly DXA: 'dxa'; readonly PERCENTAGE: 'pct' };

interface Width {
  readonly size: number;
  readonly type: (typeof WidthType)[keyof typeof WidthType];
}

interface Language {
  readonly value?: string;
  readonly bidirectional?: string;
}

export interface IRunOptions {
  readonly text?: string;
  readonly rightToLeft?: boolean;
  readonly size?: number;
  readonly sizeComplexScript?: number;
  readonly color?: string;
  readonly bold?: boolean;
  readonly boldComplexScript?: boolean;
  readonly language?: Language;
}

export declare class TextRun {
  constructor(options: IRunOptions | string);
}

export interface IParagraphOptions {
  readonly bidirectional?: boolean;
  readonly heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
  readonly children?: readonly TextRun[];
}

export declare class Paragraph {
  constructor(options: IParagraphOptions | string);
}

export declare class TableCell {
  constructor(options: { readonly width?: Width; readonly children: readonly (Paragraph | Table)[] });
}

export declare class TableRow {
  constructor(options: { readonly tableHeader?: boolean; readonly children: readonly TableCell[] });
}

export declare class Table {
  constructor(options: {
    readonly rows: readonly TableRow[];
    readonly width?: Width;
    readonly columnWidths?: readonly number[];
    readonly margins?: { readonly top?: number; readonly bottom?: number; readonly left?: number; readonly right?: number };
  });
}

export interface IPropertiesOptions {
  readonly title?: string;
  readonly creator?: string;
  readonly description?: string;
  readonly styles?: {
    readonly default?: {
      readonly document?: {
        readonly run?: IRunOptions & { readonly font?: { readonly ascii?: string; readonly hAnsi?: string; readonly cs?: string } };
        readonly paragraph?: { readonly spacing?: { readonly before?: number; readonly after?: number } };
      };
    };
  };
  readonly sections: readonly {
    readonly properties?: {
      readonly page?: {
        readonly size?: { readonly width?: number; readonly height?: number };
        readonly margin?: { readonly top?: number; readonly bottom?: number; readonly left?: number; readonly right?: number };
      };
    };
    readonly children: readonly (Paragraph | Table)[];
  }[];
}

export declare class Document {
  constructor(options: IPropertiesOptions);
}

export declare class Packer {
  static pack(file: Document, type: 'uint8array'): Promise<Uint8Array>;
}
