package isms_test

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// recordMethods are the methods every record implements for the Record interface, and
// String: they are called through interfaces and fmt, not by name.
var recordMethods = map[string]bool{"Kind": true, "Base": true, "Validate": true, "Terms": true, "String": true}

// skippedDirs are the folders of the module that hold no Go code of the application.
var skippedDirs = map[string]bool{"frontend": true, "node_modules": true, ".git": true, "build": true, "testdata": true, "vendor": true}

// TestEveryExportedRuleHasACaller: every exported function and method of package isms (the
// rules, checks and accessors the other layers are meant to use) is called, selected as a
// method value or taken as a function value somewhere in the module's non-test code, other
// than inside its own declaration. An exported rule nobody calls is a rule the application
// does not apply.
//
// The module's packages are type-checked from source (go/types) so that a method is told
// apart from a field or another type's method of the same name (Milestone.Overdue from
// Action.Overdue and Dashboard.Overdue). Packages outside the module and the standard
// library are not loaded: what comes from them is left untyped, which changes nothing for
// the uses of package isms. Helper packages for tests (ismstest, xlsxtest) and _test.go
// files are not callers.
// awaiting names the rules whose screens belong to an open issue, with the issue: the
// test fails as soon as one of them gains a caller, so that the list cannot go stale.
var awaiting = map[string]string{}

func TestEveryExportedRuleHasACaller(t *testing.T) {
	pkgDir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, modPath := moduleRoot(t, pkgDir)
	rel, err := filepath.Rel(root, pkgDir)
	if err != nil {
		t.Fatal(err)
	}
	ismsPath := path.Join(modPath, filepath.ToSlash(rel))

	l := &loader{fset: token.NewFileSet(), modPath: modPath, files: map[string][]*ast.File{},
		checked: map[string]*types.Package{}, std: importer.Default(), uses: map[string]map[string]bool{}, ismsPath: ismsPath}
	if err := l.parse(root); err != nil {
		t.Fatal(err)
	}
	if len(l.files[ismsPath]) == 0 {
		t.Fatalf("found no source of %s under %s", ismsPath, root)
	}
	paths := make([]string, 0, len(l.files))
	for p := range l.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		l.check(p)
	}
	if len(l.ismsErrs) > 0 {
		t.Fatalf("package isms does not type-check on its own: %v", l.ismsErrs)
	}

	var uncalled []string
	pkg := l.checked[ismsPath]
	note := func(name string, obj *types.Func) {
		if issue, ok := awaiting[name]; ok {
			if l.called(obj) {
				t.Errorf("%s now has a caller: remove it from awaiting (%s)", name, issue)
			}
			return
		}
		if !l.called(obj) {
			uncalled = append(uncalled, l.describe(obj))
		}
	}
	for _, name := range pkg.Scope().Names() {
		switch obj := pkg.Scope().Lookup(name).(type) {
		case *types.Func:
			if obj.Exported() {
				note(obj.Name(), obj)
			}
		case *types.TypeName:
			named, ok := obj.Type().(*types.Named)
			if !ok || !obj.Exported() || types.IsInterface(named) {
				continue
			}
			for i := 0; i < named.NumMethods(); i++ {
				m := named.Method(i)
				if m.Exported() && !recordMethods[m.Name()] {
					note(obj.Name()+"."+m.Name(), m)
				}
			}
		}
	}
	if len(uncalled) > 0 {
		sort.Strings(uncalled)
		t.Errorf("%d exported functions and methods of package isms have no caller outside tests; call them where the rule applies, or unexport or remove them:\n\t%s",
			len(uncalled), strings.Join(uncalled, "\n\t"))
	}
}

// moduleRoot returns the nearest folder at or above dir that holds go.mod, and the module path.
func moduleRoot(t *testing.T, dir string) (string, string) {
	t.Helper()
	for d := dir; ; {
		f, err := os.Open(filepath.Join(d, "go.mod"))
		if err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
					return d, strings.Trim(strings.TrimSpace(rest), `"`)
				}
			}
			t.Fatalf("%s/go.mod names no module", d)
		}
		up := filepath.Dir(d)
		if up == d {
			t.Fatalf("no go.mod at or above %s", dir)
		}
		d = up
	}
}

// loader parses and type-checks the module's packages and records the uses of package isms.
type loader struct {
	fset     *token.FileSet
	modPath  string
	ismsPath string
	files    map[string][]*ast.File // by import path
	checked  map[string]*types.Package
	std      types.Importer
	ismsErrs []error
	// uses maps the key of each isms function used ("Name", "Type.Name") to the keys of the
	// isms declarations it is used in ("" outside package isms).
	uses map[string]map[string]bool
}

// parse reads every non-test Go file of the module under root.
func (l *loader) parse(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (skippedDirs[d.Name()] || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(l.fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		if name := f.Name.Name; strings.HasSuffix(name, "test") && name != "test" {
			return nil // a helper package for tests
		}
		rel, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return err
		}
		ip := path.Join(l.modPath, filepath.ToSlash(rel))
		l.files[ip] = append(l.files[ip], f)
		return nil
	})
}

// Import implements types.Importer: the module's packages from source, the standard
// library from export data, anything else not at all.
func (l *loader) Import(p string) (*types.Package, error) {
	if p == l.modPath || strings.HasPrefix(p, l.modPath+"/") {
		if pkg := l.check(p); pkg != nil {
			return pkg, nil
		}
		return nil, fmt.Errorf("no source for %s", p)
	}
	if first, _, _ := strings.Cut(p, "/"); !strings.Contains(first, ".") {
		return l.std.Import(p)
	}
	return nil, fmt.Errorf("%s is outside the module: not loaded", p)
}

// check type-checks one package of the module once and records its uses of package isms.
func (l *loader) check(p string) *types.Package {
	if pkg, ok := l.checked[p]; ok {
		return pkg
	}
	files := l.files[p]
	if len(files) == 0 {
		return nil
	}
	l.checked[p] = nil // an import cycle finds nothing rather than looping
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: l, Error: func(err error) {
		if p == l.ismsPath {
			l.ismsErrs = append(l.ismsErrs, err)
		}
	}}
	pkg, _ := conf.Check(p, l.fset, files, info)
	l.checked[p] = pkg
	for _, f := range files {
		for _, decl := range f.Decls {
			in := ""
			if fn, ok := decl.(*ast.FuncDecl); ok && p == l.ismsPath {
				in = declKey(fn)
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				fn, ok := info.Uses[id].(*types.Func)
				if !ok || fn.Pkg() == nil || fn.Pkg().Path() != l.ismsPath {
					return true
				}
				k := funcKey(fn.Origin())
				if l.uses[k] == nil {
					l.uses[k] = map[string]bool{}
				}
				l.uses[k][in] = true
				return true
			})
		}
	}
	return pkg
}

// called reports whether fn is used anywhere but inside its own declaration.
func (l *loader) called(fn *types.Func) bool {
	k := funcKey(fn)
	for in := range l.uses[k] {
		if in != k {
			return true
		}
	}
	return false
}

func (l *loader) describe(fn *types.Func) string {
	pos := l.fset.Position(fn.Pos())
	return fmt.Sprintf("%s (%s:%d)", funcKey(fn), filepath.Base(pos.Filename), pos.Line)
}

// funcKey is "Name" for a function and "Type.Name" for a method.
func funcKey(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Name()
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name() + "." + fn.Name()
	}
	return "?." + fn.Name()
}

// declKey is funcKey of a declaration, from its syntax.
func declKey(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	typ := fn.Recv.List[0].Type
	for {
		switch x := typ.(type) {
		case *ast.StarExpr:
			typ = x.X
		case *ast.IndexExpr: // a generic receiver T[P]
			typ = x.X
		case *ast.IndexListExpr:
			typ = x.X
		case *ast.Ident:
			return x.Name + "." + fn.Name.Name
		default:
			return "?." + fn.Name.Name
		}
	}
}
