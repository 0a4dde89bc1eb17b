/**
 * Reads the registrar's CSV of graduates: one row per graduate, the columns named in the header
 * line, each row kept with its line number so an error can point at it.
 */
import { parse } from 'csv-parse/sync'
import type { MedicalLicenseInput } from 'medcred'

/** The CSV's columns, in the order the sample uses (any order works: the header names them). */
export const graduateColumns = [
  'holder', 'name', 'profession', 'speciality', 'licenceNumber', 'jurisdiction', 'licensingBody',
  'degreeName', 'school', 'graduationDate', 'validFrom', 'validUntil',
] as const

/** One graduate's row: its line in the file and its cells by column. */
export type GraduateRow = { row: number; cells: Partial<Record<string, string>> }

/** Parses the CSV text; a row with too few or too many cells is kept, for validation to name. */
export function readGraduates(text: string): GraduateRow[] {
  const records = parse(text, { columns: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as {
    record: Record<string, string>
    info: { lines: number }
  }[]
  return records.map(({ record, info }) => ({ row: info.lines, cells: record }))
}

/** The licence input a row describes; empty cells are absent values. */
export function toLicenceInput(cells: GraduateRow['cells'], issuer: string): MedicalLicenseInput {
  const cell = (column: (typeof graduateColumns)[number]) => (cells[column] === '' ? undefined : cells[column])
  return {
    issuer,
    holder: cell('holder') as string,
    name: cell('name') as string,
    profession: cell('profession') as string,
    speciality: cell('speciality'),
    licenceNumber: cell('licenceNumber') as string,
    jurisdiction: cell('jurisdiction') as string,
    licensingBody: cell('licensingBody') as string,
    degree: { name: cell('degreeName') as string, school: cell('school') as string, graduationDate: cell('graduationDate') as string },
    validFrom: cell('validFrom') as string,
    validUntil: cell('validUntil'),
  }
}

/** The CSV column an input field comes from (`degree.name` is the `degreeName` column). */
export function columnOf(path: string): string {
  return { 'degree.name': 'degreeName', 'degree.school': 'school', 'degree.graduationDate': 'graduationDate' }[path] ?? path.split('.')[0] ?? path
}
