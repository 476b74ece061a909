package gazetteer

import "strings"

// ISO3 returns the ISO 3166-1 alpha-3 code of a country code given in
// alpha-2 or alpha-3, in any case ("us", "USA" → "USA"; Kosovo's XK →
// XKX). An unknown code is returned upper-cased; "" stays "".
func ISO3(code string) string {
	c := strings.ToUpper(strings.TrimSpace(code))
	if len(c) == 2 {
		if c3, ok := iso2to3[c]; ok {
			return c3
		}
	}
	return c
}

// iso2to3 maps ISO 3166-1 alpha-2 codes to alpha-3 (Kosovo: XK → XKX, the
// code the dictionaries use).
var iso2to3 = func() map[string]string {
	const table = `
ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA AZAZE
BABIH BBBRB BDBGD BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES BRBRA BSBHS
BTBTN BVBVT BWBWA BYBLR BZBLZ CACAN CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK CLCHL CMCMR CNCHN
COCOL CRCRI CUCUB CVCPV CWCUW CXCXR CYCYP CZCZE DEDEU DJDJI DKDNK DMDMA DODOM DZDZA ECECU EEEST
EGEGY EHESH ERERI ESESP ETETH FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA GAGAB GBGBR GDGRD GEGEO GFGUF
GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GSSGS GTGTM GUGUM GWGNB GYGUY HKHKG HMHMD
HNHND HRHRV HTHTI HUHUN IDIDN IEIRL ILISR IMIMN ININD IOIOT IQIRQ IRIRN ISISL ITITA JEJEY JMJAM
JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO LBLBN LCLCA
LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA LYLBY MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD
MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ MRMRT MSMSR MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM
NCNCL NENER NFNFK NGNGA NINIC NLNLD NONOR NPNPL NRNRU NUNIU NZNZL OMOMN PAPAN PEPER PFPYF PGPNG
PHPHL PKPAK PLPOL PMSPM PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT REREU ROROU RSSRB RURUS RWRWA
SASAU SBSLB SCSYC SDSDN SESWE SGSGP SHSHN SISVN SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD
STSTP SVSLV SXSXM SYSYR SZSWZ TCTCA TDTCD TFATF TGTGO THTHA TJTJK TKTKL TLTLS TMTKM TNTUN TOTON
TRTUR TTTTO TVTUV TWTWN TZTZA UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR
VNVNM VUVUT WFWLF WSWSM XKXKX YEYEM YTMYT ZAZAF ZMZMB ZWZWE`
	m := map[string]string{}
	for _, f := range strings.Fields(table) {
		m[f[:2]] = f[2:]
	}
	return m
}()

// CountryOfHost returns the ISO 3166-1 alpha-3 code of the country whose
// country-code top-level domain ends a host name or URL ("www.example.co.uk"
// → "GBR", "https://example.ca/a" → "CAN"), or "" for generic domains and
// for country codes sold as vanity domains (.tv, .io, .co, .me, …).
func CountryOfHost(hostOrURL string) string {
	h := hostOrURL
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	}
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	if i := strings.LastIndexByte(h, '@'); i >= 0 {
		h = h[i+1:]
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 {
		h = h[:i]
	}
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	i := strings.LastIndexByte(h, '.')
	if i < 0 {
		return ""
	}
	tld := h[i+1:]
	if len(tld) != 2 || vanityTLD[tld] {
		return ""
	}
	if tld == "uk" {
		return "GBR"
	}
	return iso2to3[strings.ToUpper(tld)]
}

// vanityTLD are country-code domains that are mostly sold to sites
// anywhere.
var vanityTLD = map[string]bool{"tv": true, "io": true, "co": true, "me": true, "fm": true, "ai": true,
	"am": true, "ly": true, "ws": true, "cc": true, "to": true, "nu": true, "gg": true, "la": true,
	"so": true, "st": true, "vc": true, "gl": true, "sh": true, "ac": true, "tk": true,
	"ml": true, "ga": true, "cf": true, "gq": true, "cx": true, "tf": true, "im": true, "ms": true}
