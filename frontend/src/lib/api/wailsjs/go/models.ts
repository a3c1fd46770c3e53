// Placeholder written by hand in the shape `wails generate module` produces; the
// generated file replaces it. Only the fields the frontend uses are declared.
/* eslint-disable */
export namespace isms {
	export class Option {
	    value: string;
	    label: string;
	    static createFrom(source: any = {}) { return new Option(source); }
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class Requirement {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    text: string;
	    sourceType: string;
	    source: string;
	    ownerId: string;
	    applicable: boolean;
	    status: string;
	    evidence: string;
	    dueDate: string;
	    notes: string;
	    controlIds: string[];
	    policyIds: string[];
	    static createFrom(source: any = {}) { return new Requirement(source); }
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.text = source["text"];
	        this.sourceType = source["sourceType"];
	        this.source = source["source"];
	        this.ownerId = source["ownerId"];
	        this.applicable = source["applicable"];
	        this.status = source["status"];
	        this.evidence = source["evidence"];
	        this.dueDate = source["dueDate"];
	        this.notes = source["notes"];
	        this.controlIds = source["controlIds"];
	        this.policyIds = source["policyIds"];
	    }
	}
}
export namespace overview {
	export class FieldChange { field: string; before: string; after: string;
	    constructor(source: any = {}) { this.field = source["field"]; this.before = source["before"]; this.after = source["after"]; } }
	export class Change { seq: number; at: string; op: string; source: string; hash: string; changes: FieldChange[];
	    constructor(source: any = {}) { this.seq = source["seq"]; this.at = source["at"]; this.op = source["op"]; this.source = source["source"]; this.hash = source["hash"]; this.changes = source["changes"]; } }
	export class LinkView { field: string; kind: string; kindLabel: string; id: string; ref: string; title: string; missing: boolean;
	    constructor(source: any = {}) { this.field = source["field"]; this.kind = source["kind"]; this.kindLabel = source["kindLabel"]; this.id = source["id"]; this.ref = source["ref"]; this.title = source["title"]; this.missing = source["missing"]; } }
	export class Row { kind: string; id: string; ref: string; title: string; status: string; ownerId: string; ownerName: string; due: string; updatedAt: string;
	    constructor(source: any = {}) { this.kind = source["kind"]; this.id = source["id"]; this.ref = source["ref"]; this.title = source["title"]; this.status = source["status"]; this.ownerId = source["ownerId"]; this.ownerName = source["ownerName"]; this.due = source["due"]; this.updatedAt = source["updatedAt"]; } }
	export class Field { name: string; value: string;
	    constructor(source: any = {}) { this.name = source["name"]; this.value = source["value"]; } }
	export class Detail { row: Row; fields: Field[]; history: Change[]; links: LinkView[]; backlinks: LinkView[];
	    constructor(source: any = {}) { this.row = source["row"]; this.fields = source["fields"]; this.history = source["history"]; this.links = source["links"]; this.backlinks = source["backlinks"]; } }
	export class KindCount { kind: string; plural: string; label: string; count: number;
	    constructor(source: any = {}) { this.kind = source["kind"]; this.plural = source["plural"]; this.label = source["label"]; this.count = source["count"]; } }
	export class Bucket { status: string; count: number;
	    constructor(source: any = {}) { this.status = source["status"]; this.count = source["count"]; } }
	export class Dashboard { counts: KindCount[]; requirementStatuses: Bucket[]; controlStatuses: Bucket[]; nonconformityStatuses: Bucket[]; overdue: Row[]; upcoming: Row[];
	    constructor(source: any = {}) { this.counts = source["counts"]; this.requirementStatuses = source["requirementStatuses"]; this.controlStatuses = source["controlStatuses"]; this.nonconformityStatuses = source["nonconformityStatuses"]; this.overdue = source["overdue"]; this.upcoming = source["upcoming"]; } }
}
export namespace app {
	export class Info { name: string; version: string; dataDir: string; schemaVersion: number; error: string;
	    constructor(source: any = {}) { this.name = source["name"]; this.version = source["version"]; this.dataDir = source["dataDir"]; this.schemaVersion = source["schemaVersion"]; this.error = source["error"]; } }
	export class KindInfo { kind: string; plural: string; label: string;
	    constructor(source: any = {}) { this.kind = source["kind"]; this.plural = source["plural"]; this.label = source["label"]; } }
	export class RequirementDetail { requirement: isms.Requirement; history: overview.Change[]; links: overview.LinkView[]; backlinks: overview.LinkView[];
	    constructor(source: any = {}) { this.requirement = source["requirement"]; this.history = source["history"]; this.links = source["links"]; this.backlinks = source["backlinks"]; } }
	export class RequirementOptions { sources: isms.Option[]; statuses: isms.Option[]; people: isms.Option[]; controls: isms.Option[]; policies: isms.Option[];
	    constructor(source: any = {}) { this.sources = source["sources"]; this.statuses = source["statuses"]; this.people = source["people"]; this.controls = source["controls"]; this.policies = source["policies"]; } }
}
