// The evidence service: files kept in the data folder and links to where evidence lives,
// attached to a requirement, control, risk, policy, audit, nonconformity or review.
import * as Evidences from './wailsjs/go/app/EvidenceService';
import type { isms } from './wailsjs/go/models';
import { arr, call } from './call';
import type { Plain } from './plan';

export type Evidence = Plain<isms.Evidence>;

export const evidenceApi = {
  /** Every piece of evidence, for the register. */
  all: () => call<Evidence[] | null>(() => Evidences.All()).then((l) => arr(l)),
  /** One piece of evidence. */
  get: (id: string) => call<Evidence>(() => Evidences.Get(id)),
  /** The evidence of one record, newest first. */
  list: (targetKind: string, targetId: string) =>
    call<Evidence[] | null>(() => Evidences.List(targetKind, targetId)).then((l) => arr(l)),
  /** The native open dialog; '' when cancelled. */
  chooseFile: () => call<string>(() => Evidences.ChooseFile()),
  /** Copies the file at path into the data folder (at most 200 MB) as evidence; title '' is the file's name, expiresOn YYYY-MM-DD or ''. */
  attachFile: (targetKind: string, targetId: string, path: string, title: string, addedById: string, expiresOn: string) =>
    call<Evidence>(() => Evidences.AttachFile(targetKind, targetId, path, title, addedById, expiresOn)),
  /** Records an http(s) address, file: URL or file path as evidence. */
  addLink: (targetKind: string, targetId: string, url: string, title: string, addedById: string, expiresOn: string) =>
    call<Evidence>(() => Evidences.AddLink(targetKind, targetId, url, title, addedById, expiresOn)),
  /** Saves the title, notes and expiry date; the rest stays as stored. */
  update: (e: Evidence) => call<Evidence>(() => Evidences.Update(e as isms.Evidence)),
  /** Deletes the evidence (and its stored file when nothing else uses it). */
  remove: (id: string, version: number) => call<void>(() => Evidences.Delete(id, version)),
  /** Opens the file in the system's application, or the link in the browser. */
  open: (id: string) => call<void>(() => Evidences.Open(id)),
  /** The native save dialog, then a copy of the file; the path, or '' when cancelled. */
  saveCopy: (id: string) => call<string>(() => Evidences.SaveCopy(id)),
};
