# minimal xlsx writer for audit variants
import zipfile, re
from xml.sax.saxutils import escape
def col(i):
    s=''
    i+=1
    while i: i,r=divmod(i-1,26); s=chr(65+r)+s
    return s
def cellxml(ref, v):
    if v is None: return ''
    if isinstance(v, dict):
        a=f'<c r="{ref}"'
        if 's' in v: a+=f' s="{v["s"]}"'
        if 't' in v: a+=f' t="{v["t"]}"'
        a+='>'
        if 'f' in v:
            fa=''.join(f' {k}="{x}"' for k,x in v.get('fattr',{}).items())
            a+=f'<f{fa}>{escape(v["f"])}</f>' if v['f'] is not None else f'<f{fa}/>'
        if 'is' in v: a+=f'<is><t>{escape(v["is"])}</t></is>'
        if 'v' in v and v['v'] is not None: a+=f'<v>{escape(str(v["v"]))}</v>'
        return a+'</c>'
    if isinstance(v,(int,float)): return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
def sheetxml(rows, merges=(), hidden_rows=(), cols=''):
    out=['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',cols,'<sheetData>']
    for ri,row in enumerate(rows):
        h=' hidden="1"' if ri+1 in hidden_rows else ''
        out.append(f'<row r="{ri+1}"{h}>'+''.join(cellxml(f'{col(ci)}{ri+1}',v) for ci,v in enumerate(row))+'</row>')
    out.append('</sheetData>')
    if merges: out.append(f'<mergeCells count="{len(merges)}">'+''.join(f'<mergeCell ref="{m}"/>' for m in merges)+'</mergeCells>')
    out.append('</worksheet>')
    return ''.join(out)
def mkxlsx(path, sheets, numfmts=(), date1904=False):
    """sheets: list of dict(name, rows, merges, state, hidden_rows, chart)"""
    z=zipfile.ZipFile(path,'w',zipfile.ZIP_DEFLATED)
    ct=['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>']
    rels=['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    wb=['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">']
    if date1904: wb.append('<workbookPr date1904="1"/>')
    wb.append('<sheets>')
    for i,s in enumerate(sheets):
        n=i+1
        st=f' state="{s["state"]}"' if s.get('state') else ''
        if s.get('chart'):
            ct.append(f'<Override PartName="/xl/chartsheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>')
            rels.append(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet{n}.xml"/>')
            z.writestr(f'xl/chartsheets/sheet{n}.xml','<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>')
        else:
            ct.append(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
            rels.append(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>')
            z.writestr(f'xl/worksheets/sheet{n}.xml',sheetxml(s['rows'],s.get('merges',()),s.get('hidden_rows',())))
        wb.append(f'<sheet name="{escape(s["name"])}" sheetId="{n}"{st} r:id="rId{n}"/>')
    wb.append('</sheets></workbook>')
    ns=len(sheets)+1
    rels.append(f'<Relationship Id="rId{ns}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    ct.append('</Types>')
    # styles: s=0 general, then one xf per numfmt
    nf=''.join(f'<numFmt numFmtId="{164+i}" formatCode="{escape(f,{chr(34):"&quot;"})}"/>' for i,f in enumerate(numfmts))
    xfs='<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'+''.join(f'<xf numFmtId="{164+i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' for i in range(len(numfmts)))
    sty=f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'+(f'<numFmts count="{len(numfmts)}">{nf}</numFmts>' if numfmts else '')+f'<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="{1+len(numfmts)}">{xfs}</cellXfs></styleSheet>'
    z.writestr('[Content_Types].xml',''.join(ct))
    z.writestr('_rels/.rels','<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml',''.join(wb))
    z.writestr('xl/_rels/workbook.xml.rels',''.join(rels))
    z.writestr('xl/styles.xml',sty)
    z.close()
