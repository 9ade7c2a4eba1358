// The exporter for each format name.
import type { ExportFormat } from '../api';
import { createBratExporter } from './export-brat';
import { createConllExporter } from './export-conll';
import { createHfExporter } from './export-hf';
import { createJsonlExporter } from './export-jsonl';
import { createLabelStudioExporter } from './export-labelstudio';
import { createW3cExporter } from './export-w3c';
import type { FormatExporter } from './exporter';

export function createExporter(format: ExportFormat): FormatExporter {
  switch (format) {
    case 'jsonl':
      return createJsonlExporter();
    case 'conll':
      return createConllExporter();
    case 'hf':
      return createHfExporter();
    case 'brat':
      return createBratExporter();
    case 'w3c':
      return createW3cExporter();
    case 'labelstudio':
      return createLabelStudioExporter();
  }
}
