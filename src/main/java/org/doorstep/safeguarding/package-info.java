/**
 * The safeguarding lead's inbox: every concern raised at the door, in a visit record or in an absence
 * case, readable in a page (the need-to-know text only here and for the DSL and headteacher, each read
 * audited), with the DSL's decision recorded beside the reasoning, which never enters the process.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safeguarding inbox")
package org.doorstep.safeguarding;
