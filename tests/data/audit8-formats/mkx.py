# mkx.py: write a minimal xlsx by hand.
# sheets: list of dict(name, rows=[[cell,...]], merges=[...], hidden=False, hidden_rows=set())
# cell: None | str (shared string) | number | dict(v=..., t='n'|'s'|'str'|'e'|'b'|'inline', fmt='0.00', f='A1*2')
import zipfile, html
def esc(s): return html.escape(str(s), quote=True)
def col(i):
    s=''
    i+=1
    while i: i,r=divmod(i-1,26); s=chr(65+r)+s
    return s
def write(path, sheets, date1904=False):
    sst=[]; sidx={}
    fmts=[]  # custom format codes
    def fmtid(code):
        builtin={'General':0,'0':1,'0.00':2,'#,##0':3,'#,##0.00':4,'0%':9,'0.00%':10,'0.00E+00':11,'mm-dd-yy':14,'d-mmm-yy':15,'h:mm':20,'@':49}
        if code in builtin: return builtin[code]
        if code not in fmts: fmts.append(code)
        return 164+fmts.index(code)
    xfs=[0]; xfidx={0:0}
    def style(code):
        if code is None: return 0
        fid=fmtid(code)
        if fid not in xfidx: xfidx[fid]=len(xfs); xfs.append(fid)
        return xfidx[fid]
    sheet_xml=[]
    for sh in sheets:
        rows=[]
        hr=sh.get('hidden_rows',set())
        for r,row in enumerate(sh['rows']):
            cells=[]
            for c,v in enumerate(row):
                if v is None: continue
                if not isinstance(v,dict): v={'v':v}
                ref=f'{col(c)}{r+1}'
                s=style(v.get('fmt'))
                sa=f' s="{s}"' if s else ''
                t=v.get('t')
                val=v.get('v')
                f=v.get('f')
                fx=f'<f>{esc(f)}</f>' if f is not None else ''
                if t is None: t='s' if isinstance(val,str) else 'n'
                if t=='s':
                    if val not in sidx: sidx[val]=len(sst); sst.append(val)
                    cells.append(f'<c r="{ref}" t="s"{sa}>{fx}<v>{sidx[val]}</v></c>')
                elif t=='inline':
                    cells.append(f'<c r="{ref}" t="inlineStr"{sa}><is><t>{esc(val)}</t></is></c>')
                elif t=='n':
                    vv='' if val is None else f'<v>{val}</v>'
                    cells.append(f'<c r="{ref}"{sa}>{fx}{vv}</c>')
                else:
                    vv='' if val is None else f'<v>{esc(val)}</v>'
                    cells.append(f'<c r="{ref}" t="{t}"{sa}>{fx}{vv}</c>')
            h=' hidden="1"' if r in hr else ''
            rows.append(f'<row r="{r+1}"{h}>{"".join(cells)}</row>')
        m=''
        if sh.get('merges'):
            m=f'<mergeCells count="{len(sh["merges"])}">'+''.join(f'<mergeCell ref="{x}"/>' for x in sh['merges'])+'</mergeCells>'
        sheet_xml.append('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>'+''.join(rows)+'</sheetData>'+m+'</worksheet>')
    z=zipfile.ZipFile(path,'w',zipfile.ZIP_DEFLATED)
    ct='<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    for i in range(len(sheets)): ct+=f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    ct+='</Types>'
    z.writestr('[Content_Types].xml',ct)
    z.writestr('_rels/.rels','<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb='<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    if date1904: wb+='<workbookPr date1904="1"/>'
    wb+='<sheets>'
    rels='<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    for i,sh in enumerate(sheets):
        st=' state="hidden"' if sh.get('hidden') else ''
        wb+=f'<sheet name="{esc(sh["name"])}" sheetId="{i+1}"{st} r:id="rId{i+1}"/>'
        rels+=f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>'
        z.writestr(f'xl/worksheets/sheet{i+1}.xml',sheet_xml[i])
    n=len(sheets)
    rels+=f'<Relationship Id="rId{n+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId{n+2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    wb+='</sheets></workbook>'
    z.writestr('xl/workbook.xml',wb)
    z.writestr('xl/_rels/workbook.xml.rels',rels)
    nf=''.join(f'<numFmt numFmtId="{164+i}" formatCode="{esc(c)}"/>' for i,c in enumerate(fmts))
    nf=f'<numFmts count="{len(fmts)}">{nf}</numFmts>' if fmts else ''
    xf=''.join(f'<xf numFmtId="{f}" fontId="0" fillId="0" borderId="0" xfId="0"'+(' applyNumberFormat="1"' if f else '')+'/>' for f in xfs)
    z.writestr('xl/styles.xml',f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{nf}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="{len(xfs)}">{xf}</cellXfs></styleSheet>')
    z.writestr('xl/sharedStrings.xml','<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'%(len(sst),len(sst))+''.join(f'<si><t xml:space="preserve">{esc(s)}</t></si>' for s in sst)+'</sst>')
    z.close()
