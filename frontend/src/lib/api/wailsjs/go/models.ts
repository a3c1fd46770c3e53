export namespace app {
	
	export class Info {
	    name: string;
	    version: string;
	    dataDir: string;
	    schemaVersion: number;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.version = source["version"];
	        this.dataDir = source["dataDir"];
	        this.schemaVersion = source["schemaVersion"];
	        this.error = source["error"];
	    }
	}
	export class KindInfo {
	    kind: string;
	    plural: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new KindInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.plural = source["plural"];
	        this.label = source["label"];
	    }
	}
	export class RequirementDetail {
	    requirement: isms.Requirement;
	    history: overview.Change[];
	    links: overview.LinkView[];
	    backlinks: overview.LinkView[];
	
	    static createFrom(source: any = {}) {
	        return new RequirementDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.requirement = this.convertValues(source["requirement"], isms.Requirement);
	        this.history = this.convertValues(source["history"], overview.Change);
	        this.links = this.convertValues(source["links"], overview.LinkView);
	        this.backlinks = this.convertValues(source["backlinks"], overview.LinkView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RequirementOptions {
	    sources: isms.Option[];
	    statuses: isms.Option[];
	    people: isms.Option[];
	    controls: isms.Option[];
	    policies: isms.Option[];
	
	    static createFrom(source: any = {}) {
	        return new RequirementOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sources = this.convertValues(source["sources"], isms.Option);
	        this.statuses = this.convertValues(source["statuses"], isms.Option);
	        this.people = this.convertValues(source["people"], isms.Option);
	        this.controls = this.convertValues(source["controls"], isms.Option);
	        this.policies = this.convertValues(source["policies"], isms.Option);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace isms {
	
	export class Option {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
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
	
	    static createFrom(source: any = {}) {
	        return new Requirement(source);
	    }
	
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
	
	export class Bucket {
	    status: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Bucket(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.count = source["count"];
	    }
	}
	export class FieldChange {
	    field: string;
	    before: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class Change {
	    seq: number;
	    at: string;
	    op: string;
	    source: string;
	    hash: string;
	    changes: FieldChange[];
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.at = source["at"];
	        this.op = source["op"];
	        this.source = source["source"];
	        this.hash = source["hash"];
	        this.changes = this.convertValues(source["changes"], FieldChange);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Row {
	    kind: string;
	    id: string;
	    ref: string;
	    title: string;
	    status: string;
	    ownerId: string;
	    ownerName: string;
	    due: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.due = source["due"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class KindCount {
	    kind: string;
	    plural: string;
	    label: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new KindCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.plural = source["plural"];
	        this.label = source["label"];
	        this.count = source["count"];
	    }
	}
	export class Dashboard {
	    counts: KindCount[];
	    requirementStatuses: Bucket[];
	    controlStatuses: Bucket[];
	    nonconformityStatuses: Bucket[];
	    overdue: Row[];
	    upcoming: Row[];
	
	    static createFrom(source: any = {}) {
	        return new Dashboard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.counts = this.convertValues(source["counts"], KindCount);
	        this.requirementStatuses = this.convertValues(source["requirementStatuses"], Bucket);
	        this.controlStatuses = this.convertValues(source["controlStatuses"], Bucket);
	        this.nonconformityStatuses = this.convertValues(source["nonconformityStatuses"], Bucket);
	        this.overdue = this.convertValues(source["overdue"], Row);
	        this.upcoming = this.convertValues(source["upcoming"], Row);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LinkView {
	    field: string;
	    kind: string;
	    kindLabel: string;
	    id: string;
	    ref: string;
	    title: string;
	    missing: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LinkView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.kind = source["kind"];
	        this.kindLabel = source["kindLabel"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.missing = source["missing"];
	    }
	}
	export class Field {
	    name: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
	    }
	}
	export class Detail {
	    row: Row;
	    fields: Field[];
	    history: Change[];
	    links: LinkView[];
	    backlinks: LinkView[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = this.convertValues(source["row"], Row);
	        this.fields = this.convertValues(source["fields"], Field);
	        this.history = this.convertValues(source["history"], Change);
	        this.links = this.convertValues(source["links"], LinkView);
	        this.backlinks = this.convertValues(source["backlinks"], LinkView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	

}

