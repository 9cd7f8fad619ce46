/**
 * ISO 20022 bank-to-customer cash management messages: camt.053 statements and camt.054 debit/credit
 * notifications, read by {@link dev.billpay.reconciliation.camt.CamtReader} as {@link
 * dev.billpay.reconciliation.BankStatement}s of {@link dev.billpay.reconciliation.BankTransaction}s, the model
 * every source is reconciled from. Imports nothing of the project but those two contracts; pure Java on the JDK's
 * StAX parser, no I/O of its own.
 *
 * <h2>What is read</h2>
 *
 * <ul>
 *   <li>{@code Document/BkToCstmrStmt/Stmt[n]} (camt.053) and {@code Document/BkToCstmrDbtCdtNtfctn/Ntfctn[n]}
 *       (camt.054), each one statement: {@code Id}, the account ({@code Acct/Id/IBAN} or {@code Acct/Id/Othr/Id},
 *       {@code Acct/Ccy}), the OPBD (or PRCD) and CLBD balances, {@code TxsSummry}, and the entries.
 *   <li>Each {@code Ntry}: {@code Amt@Ccy}, {@code CdtDbtInd}, {@code RvslInd}, {@code Sts}, {@code ValDt} (else
 *       {@code BookgDt}), {@code AcctSvcrRef}, {@code BkTxCd}, and its {@code NtryDtls/TxDtls}: one transaction
 *       per {@code TxDtls} with its own amount, references ({@code Refs/EndToEndId}), related parties and
 *       remittance information ({@code RmtInf/Ustrd}, {@code RmtInf/Strd/CdtrRefInf/Ref}).
 *   <li>Only booked entries ({@code BOOK}) become transactions. Pending ({@code PDNG}), information ({@code INFO})
 *       and future ({@code FUTR}) entries are left out: they have not moved money yet, and a later statement
 *       books them. They are still read and count towards {@code TxsSummry}.
 * </ul>
 *
 * <h2>Where the versions differ</h2>
 *
 * <p>The reader follows the message definitions of 001.02 (2009) and 001.08 (2019); the versions between and
 * after keep the same elements where the reader looks, and differ from .02 in three places, each of which the
 * reader accepts in both shapes whatever the version:
 *
 * <ul>
 *   <li>Entry status: a code as text in .02 and still in .06 ({@code <Sts>BOOK</Sts>}, EntryStatus2Code), a choice in .08
 *       ({@code <Sts><Cd>BOOK</Cd></Sts>} or {@code <Sts><Prtry>..</Prtry></Sts>}).
 *   <li>A transaction detail's amount: .02 has only {@code TxDtls/AmtDtls/TxAmt/Amt}; later versions, .08 among
 *       them, add {@code TxDtls/Amt} and {@code TxDtls/CdtDbtInd}. {@code Amt} is read first.
 *   <li>Related parties: .02 names a party directly ({@code RltdPties/Dbtr/Nm}); .08 makes each a choice of a
 *       party or an agent ({@code RltdPties/Dbtr/Pty/Nm}, {@code RltdPties/Dbtr/Agt/FinInstnId/Nm}). Accounts
 *       ({@code RltdPties/DbtrAcct/Id/IBAN} or {@code Othr/Id}) are the same in both.
 * </ul>
 *
 * <p>Namespaces other than {@code urn:iso:std:iso:20022:tech:xsd:camt.053.001.NN} and {@code
 * ...camt.054.001.NN} with NN from 02 to 13 are refused, as is 001.01 (its entries are shaped otherwise). A
 * message wrapped in a business application header envelope is not read: the root must be {@code Document}.
 *
 * <h2>Locators and lines</h2>
 *
 * <p>A transaction's locator is its element's path with 1-based indexes, e.g. {@code
 * Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/NtryDtls/TxDtls[1]}, or the entry's path for an entry without details.
 * {@code Stmt}, {@code Ntfctn}, {@code Ntry}, {@code TxDtls}, {@code Bal}, {@code Ustrd} and {@code Strd} always
 * carry their index; other elements only from their second occurrence ({@code NtryDtls[2]}). Lines are those of
 * the element's start tag (where it ends, for a tag written over several lines: that is where the parser reports
 * it); a DOCTYPE is reported where its declaration ends.
 */
package dev.billpay.reconciliation.camt;
